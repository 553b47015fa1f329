import { z } from 'zod';
import { contract, OPERATION_NAMES } from '../../shared/api/contract';

/** GET /api: every operation with its input and output JSON Schemas, generated from the contract. */
export function describeApi() {
  return {
    name: 'Điểm QR API',
    transport: 'POST /api/<operation> with a JSON body; answers {ok:true,value} or {ok:false,error:{code,message,field?}}',
    operations: OPERATION_NAMES.map((name) => ({
      name,
      summary: contract[name].summary,
      kind: contract[name].kind,
      roles: contract[name].roles,
      input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }),
    })),
  };
}
