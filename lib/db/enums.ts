// The schema's enums (plain objects and types): safe anywhere, client components included.
export * from './generated/enums';
