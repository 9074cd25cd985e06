/** JSON text in a column, typed by what it holds; written and read back only in db/. */
export type Json<T> = string & { readonly __json: T };

/** The column text of a value. */
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value) as Json<T>;

/** The value a column's JSON text holds. */
export const fromJson = <T>(text: Json<T>): T => JSON.parse(text) as T;
