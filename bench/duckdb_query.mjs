// DuckDB peer: reads the records file (read_csv / read_json) and runs query.sql.
//   node duckdb_query.mjs FILE csv|ndjson THREADS OUT.csv  → prints elapsed seconds
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';

const [file, format, threads, out] = process.argv.slice(2);
const cols = ['dossier_id', 'agency', 'procedure', 'service_level', 'channel', 'status', 'received_at', 'due_at',
  'completed_at', 'updated_at', 'fee', 'paid_online', 'dossier_digitised', 'result_digitised', 'satisfaction'];
const colSpec = '{' + cols.map((c) => `'${c}': 'VARCHAR'`).join(', ') + '}';
const source = format === 'csv'
  ? `read_csv('${file}', header = true, columns = ${colSpec})`
  : `read_json('${file}', format = 'newline_delimited', columns = ${colSpec})`;
const query = readFileSync(new URL('./query.sql', import.meta.url), 'utf8')
  .replace(/--.*$/gm, '')
  .replace('FROM records', `FROM ${source}`);
const start = process.hrtime.bigint();
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
const reader = await con.runAndReadAll(query);
const rows = reader.getRows();
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
writeFileSync(out, 'agency,month,received,online,fee_bearing,paid_online,completed,on_time,result_digitised,rated,rating_sum\n' +
  rows.map((r) => r.map((v) => String(v)).join(',')).join('\n') + '\n');
console.log(elapsed.toFixed(3));
