* Fixed-format MPS whose row and column names hold spaces.
* min x + 2y + 10  s.t.  ROW A: x + y >= 2,  ROW B: x - y <= 1,  x, y >= 0.
* By hand: the optimum is at x + y = 2, x - y = 1: x = 3/2, y = 1/2, objective 5/2 + 10 = 25/2.
* The RHS -10 on the objective row COST is the negated objective constant (+10).
NAME          SPACES
ROWS
 N  COST
 G  ROW A
 L  ROW B
COLUMNS
    COL X     COST               1.0   ROW A              1.0
    COL X     ROW B              1.0
    COL Y     COST               2.0   ROW A              1.0
    COL Y     ROW B             -1.0
RHS
    RHS       COST             -10.0   ROW A              2.0
    RHS       ROW B              1.0
ENDATA
