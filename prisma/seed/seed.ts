export async function seed(..._a: unknown[]) {}
