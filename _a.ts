import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs'; const globSync = (_: string) => (readdirSync('catalog', { recursive: true }) as string[]).filter(f => f.endsWith('.yaml')).map(f => 'catalog/' + f);
import { parse } from 'yaml';
import { CATALOG_FILE_SCHEMAS } from './src/catalog/schema.ts';
let procs: any[] = []; let bad = 0;
for (const f of globSync('catalog/**/*.yaml')) {
  const d = parse(readFileSync(f, 'utf8'));
  const r = (CATALOG_FILE_SCHEMAS as any)[d.kind].safeParse(d);
  if (!r.success) { bad++; if (bad < 3) console.log(f, JSON.stringify(r.error.issues.slice(0, 2))); }
  if (d.kind === 'procedures') procs.push(...d.procedures);
}
console.log('bad', bad, 'procs', procs.length);
const c: Record<string, number> = {}; const ex: Record<string, string[]> = {};
let unresolvedProcs = 0; let variants = 0;
for (const p of procs) { let u = false; for (const [ch, v] of Object.entries<any>(p.channels)) { const k = v.deadline.status === 'resolved' ? v.deadline.unit : 'U:' + v.deadline.reason; c[k] = (c[k] ?? 0) + 1; (ex[k] ??= []).push(p.code + ' ' + v.deadline.raw); if (v.deadline.status !== 'resolved') u = true; variants += v.deadline.variants?.length ?? 0; } if (u) unresolvedProcs++; }
console.log(c, 'procs with unresolved', unresolvedProcs, 'variants', variants, 'no channels', procs.filter(p => Object.keys(p.channels).length === 0).length);
for (const k of Object.keys(ex)) console.log(k, ex[k]!.slice(0, 4));
const fees: Record<string, number> = {}; for (const p of procs) for (const v of Object.values<any>(p.channels)) { const k = !v.fee ? 'none' : v.fee.free ? 'free' : v.fee.amount !== undefined ? 'amount' : 'raw'; fees[k] = (fees[k] ?? 0) + 1; }
console.log(fees);
const lb: Record<string, number> = {}; for (const p of procs) for (const d of p.legalBasis) { const k = 'raw' in d ? 'raw' : d.title ? 'num+title' : 'num'; lb[k] = (lb[k] ?? 0) + 1; } console.log(lb);
console.log(procs.filter(p=>p.legalBasis.some((d:any)=>'raw' in d)).slice(0,5).map(p=>JSON.stringify(p.legalBasis.filter((d:any)=>'raw' in d)).slice(0,300)));
const vs: string[] = []; const nn: string[] = [];
for (const p of procs) for (const v of Object.values<any>(p.channels)) { for (const x of v.deadline.variants ?? []) vs.push(`${p.code} main=${v.deadline.raw} -> ${x.value} ${x.unit} | ${x.condition.slice(0, 120)}`); if (v.deadline.reason === 'no-number') nn.push(p.code + ' ' + v.deadline.raw.slice(0, 80)); }
console.log(vs.filter((_, i) => i % 60 === 0).join('\n')); console.log(nn.slice(0, 12).join('\n'));
