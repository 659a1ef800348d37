/** The English catalogue must have exactly the Danish keys: a missing key is a type error (and a test failure). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
