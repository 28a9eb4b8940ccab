/**
 * A figure's definition (口径) behind an ⓘ: one line of the page, the whole text on demand (no script
 * needed). Styled by `details[data-definition]` in app/globals.css: a dashboard carries sixteen of them.
 */
export function Definition({ text, label }: { text: string; label: string }) {
  return (
    <details data-definition>
      <summary aria-label={label} title={text}>
        ⓘ
      </summary>
      <p>{text}</p>
    </details>
  );
}
