// DuckDB peer: reads the records file (read_csv / read_json) with typed columns and runs
// query_duckdb.sql (bench/query.sql in DuckDB's fastest form; see that file).
//   node duckdb_query.mjs FILE csv|ndjson THREADS OUT.csv  → prints elapsed seconds
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';

const [file, format, threads, out] = process.argv.slice(2);
const types = {
  dossier_id: 'VARCHAR', agency: 'VARCHAR', procedure: 'VARCHAR', service_level: 'VARCHAR', channel: 'VARCHAR',
  status: 'VARCHAR', received_at: 'TIMESTAMP', due_at: 'TIMESTAMP', completed_at: 'TIMESTAMP',
  updated_at: 'TIMESTAMP', fee: 'BIGINT', paid_online: 'INTEGER', dossier_digitised: 'INTEGER',
  result_digitised: 'INTEGER', satisfaction: 'INTEGER',
};
const colSpec = '{' + Object.entries(types).map(([c, t]) => `'${c}': '${t}'`).join(', ') + '}';
const source = format === 'csv'
  ? `read_csv('${file}', header = true, columns = ${colSpec})`
  : `read_json('${file}', format = 'newline_delimited', columns = ${colSpec})`;
const query = readFileSync(new URL('./query_duckdb.sql', import.meta.url), 'utf8')
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
