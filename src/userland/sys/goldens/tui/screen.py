import re,sys
def render(data, rows=24, cols=80):
    scr=[[' ']*cols for _ in range(rows)]; rev=[[False]*cols for _ in range(rows)]
    r=c=0; inv=False; i=0; shots=[]
    s=data
    while i < len(s):
        ch=s[i]
        if s.startswith('\n<<<KEY',i):
            j=s.index('>>>\n',i); shots.append((s[i+8:j], [''.join(x) for x in scr])); i=j+4; continue
        if ch=='\x1b':
            m=re.match(r'\x1b\[([?0-9;]*)([A-Za-z@])',s[i:])
            if m:
                p,f=m.group(1),m.group(2); i+=len(m.group(0))
                a=[int(x) if x.isdigit() else 0 for x in p.lstrip('?').split(';')] if p else []
                if f=='H': r=(a[0] if a and a[0] else 1)-1; c=(a[1] if len(a)>1 and a[1] else 1)-1
                elif f=='d': r=(a[0] if a else 1)-1
                elif f=='G': c=(a[0] if a else 1)-1
                elif f=='C': c+= a[0] if a and a[0] else 1
                elif f=='A': r-= a[0] if a and a[0] else 1
                elif f=='B': r+= a[0] if a and a[0] else 1
                elif f=='K':
                    n=a[0] if a else 0
                    rng = range(c,cols) if n==0 else range(0,c+1) if n==1 else range(cols)
                    for x in rng: scr[r][x]=' '
                elif f=='J':
                    n=a[0] if a else 0
                    if n==2: scr=[[' ']*cols for _ in range(rows)]
                    elif n==0:
                        for x in range(c,cols): scr[r][x]=' '
                        for y in range(r+1,rows): scr[y]=[' ']*cols
                elif f=='m': pass
                continue
            m=re.match(r'\x1b(\(B|[=>]|\]\d+;[^\x07]*\x07|.)',s[i:]); i+=len(m.group(0)); continue
        if ch=='\r': c=0
        elif ch=='\n': r=min(rows-1,r+1)
        elif ch=='\x08': c=max(0,c-1)
        elif ch=='\x07': pass
        else:
            if c>=cols: c=0; r=min(rows-1,r+1)
            scr[r][c]=ch; c+=1
        i+=1
    shots.append(('END',[''.join(x) for x in scr]))
    return shots
if __name__=='__main__':
    import ast
    data=ast.literal_eval(sys.stdin.read()).decode()
    for k,sc in render(data):
        print('==== before key',k)
        for n,l in enumerate(sc): print('%2d|%s|'%(n+1,l))
