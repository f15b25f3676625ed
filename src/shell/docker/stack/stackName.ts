/** docker/cli `validateStackName`: a name that is empty or only blanks is refused. */
export function validateStackName(namespace: string): string | undefined {
  return namespace.trim() === '' ? `invalid stack name: ${JSON.stringify(namespace)}` : undefined;
}
