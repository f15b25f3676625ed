/**
 * bash's indexed arrays of one running shell (`a=(x y)`, `a[3]=z`): name →
 * elements, with holes (`undefined`) where an index was never set. A plain
 * variable reads as an array of one element, and an array's name alone
 * (`$a`) as its element 0, as in bash.
 */
export type ArrayStore = Map<string, (string | undefined)[]>;

/** The set elements of `name`, in index order (a scalar is one element; unset is none). */
export function elementsOf(store: ArrayStore, env: Map<string, string>, name: string): string[] {
  const arr = store.get(name);
  if (arr) return arr.filter((v): v is string => v !== undefined);
  const v = env.get(name);
  return v === undefined ? [] : [v];
}

/** `${name[i]}`: a negative index counts from the end (bash 4.3+). */
export function elementOf(store: ArrayStore, env: Map<string, string>, name: string, index: number): string | undefined {
  const arr = store.get(name);
  if (!arr) return index === 0 || index === -1 ? env.get(name) : undefined;
  return arr[index < 0 ? arr.length + index : index];
}

/** `name[i]=value` (a plain variable of that name becomes element 0 first). */
export function setElement(store: ArrayStore, env: Map<string, string>, name: string, index: number, value: string): void {
  let arr = store.get(name);
  if (!arr) {
    const scalar = env.get(name);
    arr = scalar === undefined ? [] : [scalar];
    env.delete(name);
    store.set(name, arr);
  }
  const i = index < 0 ? arr.length + index : index;
  if (i >= 0) arr[i] = value;
}
