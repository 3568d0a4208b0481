/**
 * Secrets the server makes for itself when the operator gives none (RAPPORT_SECRET), kept in
 * the database so that every process of one installation signs alike and restarts keep them.
 */
export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: string;
}
