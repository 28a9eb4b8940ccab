/**
 * The messages sent to the browser with every page: what client components translate there, and no
 * more. Everything else is translated on the server; sending it would add it to every page twice
 * (in the HTML's React payload and in the provider's props). A namespace is sent whole, or only the
 * keys named. tests/unit/client-messages.test.ts reads every client component and fails when one
 * uses a message that is not sent.
 */
export const CLIENT_MESSAGES: Record<string, true | readonly string[]> = {
  accreditation: true,
  account: true,
  app: true,
  attachments: true,
  auth: true,
  common: true,
  cooperative: true,
  // The monthly figures' labels: the update and correction forms use them, the dashboard the rest.
  dashboard: ['made', 'jobs', 'incomeToVillages', 'beneficiaries'],
  deliveries: true,
  enum: true,
  errors: true,
  imports: true,
  income: true,
  jointVenture: true,
  master: true,
  money: true,
  notifications: true,
  pioneers: true,
  program: true,
  projectForm: true,
  projectPage: true,
  projects: true,
  review: true,
  role: true,
  scorecard: true,
  soe: true,
  status: true,
  tasks: true,
  updateForm: true,
  users: true,
  validation: true,
  zones: true,
};

type Messages = Record<string, unknown>;

export function clientMessages(messages: Messages): Messages {
  const picked: Messages = {};
  for (const [namespace, keys] of Object.entries(CLIENT_MESSAGES)) {
    const all = messages[namespace] as Messages | undefined;
    if (all === undefined) continue;
    picked[namespace] = keys === true ? all : Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
  }
  return picked;
}
