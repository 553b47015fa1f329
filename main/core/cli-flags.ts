/** Value of `--name VALUE` or `--name=VALUE` on a command line, if given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === flag) return argv[index + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
