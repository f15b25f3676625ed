/**
 * Node under another name, for gen-explain-data.ts: ts-json-schema-generator
 * resolves the name `Node` to a global type, so the editor's schema has no
 * Node; through this alias it generates Node and the types it uses.
 */
import type { Node } from 'kubernetes-types/core/v1';

export type KubeNode = Node;
