/** The shape of a text file: the same keys as the English one, every leaf a string. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
