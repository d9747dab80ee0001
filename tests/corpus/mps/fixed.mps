NAME          FIXED
ROWS
 N  COST
 G  LIM1
 E  MYEQN
COLUMNS
    XONE      COST         1.0   LIM1         1.0
    YTWO      COST         2.0   MYEQN       -1.0
RHS
              LIM1         2.0   MYEQN        7.0
BOUNDS
 UP           XONE         4.0
 LO           YTWO        -1.0
 UP           YTWO         1.0
ENDATA
