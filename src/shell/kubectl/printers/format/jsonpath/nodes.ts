/** The parse tree of a kubectl jsonpath template (client-go `util/jsonpath/node.go`). */

export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A node of a parsed jsonpath template (client-go's `Node` kinds). */
export type JpNode =
  | { type: 'list'; nodes: JpNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] };

/** A list of nodes (the template root, an action's contents). */
export type ListNode = Extract<JpNode, { type: 'list' }>;

/** An empty list node. */
export const newList = (): ListNode => ({ type: 'list', nodes: [] });
