/**
 * The layout of the event log's rows (see `eventLog.ts`): which number,
 * string or flag of an event sits where.
 */

// An event's numbers, one row each (see F64Rows).
export const FIRST_AT = 0;
export const LAST_AT = 1;
export const COUNT = 2;
export const RV = 3;
/** The resourceVersion it was created with (its name and uid derive from it). */
export const CREATE_RV = 4;
/** The involved object's resourceVersion as a number (see `rvCode`), not a string per event. */
export const INVOLVED_RV = 5;
/** The previous event (id) about the same object, or -1: the `involvedUid` index as a chain. */
export const PREV_SAME = 6;
/** The recorder's cache slot of the event's object when it was recorded, or -1. */
export const SLOT = 7;
export const NUMS = 8;

// An event's strings and shared objects, one row each (see RefRows).
/** Its object's kind, apiVersion and namespace and its own namespace (an ObjectKind shared by many events). */
export const KIND = 0;
/** Its object's name and uid (the object's own strings, not copies). */
export const NAME = 1;
export const UID = 2;
/** The involved object's field path ('' for none). */
export const FIELD_PATH = 3;
export const REASON = 4;
export const MESSAGE = 5;
export const SOURCE = 6;
export const REFS = 7;

// An event's flags.
export const ALIVE = 1;
export const WARNING = 2;
