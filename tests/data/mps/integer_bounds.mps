* A MIP declared through the bound types BV, LI and UI: refused at the BV line (line 15).
NAME intbounds
ROWS
 N obj
 L cap
COLUMNS
 b obj 1 cap 1
 li obj 1 cap 1
 ui obj 1 cap 1
 plain obj 1 cap 1
RHS
 rhs cap 10
BOUNDS
 UP bnd plain 3
 BV bnd b
 LI bnd li 2
 UI bnd ui 7
ENDATA
