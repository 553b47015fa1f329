import type { APIRequestContext } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

/** An operation's whole answer through the bridge's HTTP API, as the page's own calls get it (refusals included). */
export async function answer<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return (await request.post(`${url}api/${name}`, { data: input })).json();
}

/** An operation's value through the bridge, for setting a test's scene: a refusal throws with its code and message. */
export async function call<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await answer(request, url, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The example units with Xã Kỳ Bắc as the office's commune, as the first-run set-up leaves a new install; the units and the commune. */
export async function exampleOffice(request: APIRequestContext, url: string) {
  await call(request, url, 'units.seedExample', {});
  const units = await call(request, url, 'units.list', {});
  const commune = units.find((unit) => unit.name === 'Xã Kỳ Bắc' && unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: commune.id });
  return { units, commune };
}
