import json,glob,textwrap,re,sys
A={o['id']:o for o in json.load(open('/work/scratch/cond-variants-A.json'))}
B={o['id']:o for o in json.load(open('/work/scratch/cond-variants-B.json'))}
H={**A,**B}
# override id in catalogue -> (helper override id, case indices)
ADOPT={
 'agri.minerals.ministry-exploration-licence.unresolved':('agri.minerals.ministry-exploration-licence.unresolved',[0]),
 'agri.minerals.ministry-mining-licence.unresolved':('agri.minerals.ministry-mining-licence.unresolved',[0]),
 'agriculture-environment.mining-licence.adjustment.conditional':('agriculture-environment.mining-licence.adjustment.conditional',[0,1,2]),
 'agriculture-environment.fishing-vessel-registry.facility.conditional':('agriculture-environment.fishing-vessel-registry.facility.conditional',[2]),
 'agriculture-environment.record.1.003703.conditional':('agriculture-environment.record.1.003703.conditional',[0]),
 'agriculture-environment.record.1.012070.conditional':('agriculture-environment.record.1.012070.conditional',[0]),
 'agriculture-environment.record.1.014245.conditional':('agriculture-environment.record.1.014245.conditional',[0]),
 'construction.record.1.009457.in-person-post.conditional':('construction.record.1.009457.in-person-post.conditional',[0,1]),
 'construction.record.3.000503.conditional':('construction.record.3.000503.conditional',[0]),
 'construction.record.3.000506.conditional':('construction.record.3.000506.conditional',[0]),
 'construction.record.3.000507.conditional':('construction.record.3.000507.conditional',[0]),
 'finance.insurance.restructuring.in-person.conditional':('finance.insurance.restructuring.in-person.conditional',[0,1]),
 'finance.litigation-costs.expert-fees.conditional':('finance.litigation-costs.expert-fees.conditional',[0]),
 'finance.securities.practising-certificate.conditional':('finance.securities.practising-certificate.conditional',[2,3]),
 'finance.insurance.share-transfer.conditional':('finance.insurance.share-transfer.conditional',[0,1]),
 'finance.record.social-housing-interest.in-person.conditional':('finance.record.social-housing-interest.in-person.conditional',[1]),
 'finance.record.credit-policy-interest.in-person.conditional':('finance.record.social-housing-interest.in-person.conditional',[4]),
 'finance.record.1.009807.conditional':('finance.record.1.009807.conditional',[0]),
 'justice.record.1.013832.conditional':('justice.record.1.013832.conditional',[1]),
}
def period_flow(p):
  return '[' + ', '.join(f"{{ value: {x['value']}, unit: {x['unit']} }}" for x in p) + ']'
def folded(key, text, indent):
  pad=' '*indent
  lines=textwrap.wrap(text, 118-indent, break_on_hyphens=False, break_long_words=False)
  return f"{pad}{key}: >-\n" + ''.join(f"{pad}  {l}\n" for l in lines)
def variants_yaml(cases):
  out='      variants:\n'
  for c in cases:
    p=c['period']
    out+=f"        - value: {p['value']}\n          unit: {p['unit']}\n"
    if p.get('followedBy'): out+=f"          followedBy: {period_flow(p['followedBy'])}\n"
    out+="          condition:\n"+folded('vi',c['condition']['vi'],12)+folded('en',c['condition']['en'],12)
  return out
files=sorted(glob.glob('catalog/overrides/*.yaml'))
done=set()
for f in files:
  s=open(f).read()
  changed=False
  for oid,(hid,idx) in ADOPT.items():
    m=re.search(r'^  - id: '+re.escape(oid)+r'\n', s, re.M)
    if not m: continue
    start=m.start(); nxt=re.search(r'^  - id: ', s[m.end():], re.M)
    end=m.end()+nxt.start() if nxt else len(s)
    block=s[start:end]
    lines=block.split('\n')
    di=[i for i,l in enumerate(lines) if l=='    deadline:'][0]
    j=di+1
    while j<len(lines) and (lines[j]=='' and j+1<len(lines) and lines[j+1].startswith('      ') or lines[j].startswith('      ')): j+=1
    if any(l.startswith('      variants:') for l in lines[di:j]): sys.exit('already '+oid)
    cases=[H[hid]['cases'][i] for i in idx]
    lines[j:j]=variants_yaml(cases).rstrip('\n').split('\n')
    s=s[:start]+'\n'.join(lines)+s[end:]
    changed=True; done.add(oid)
  if changed: open(f,'w').write(s)
print(len(done), set(ADOPT)-done)
