* max x + y s.t. 2x + 2y <= 3, x, y integer: the LP relaxation says 3/2, the MIP 1.
NAME          KNAPSACK
OBJSENSE
    MAX
ROWS
 N  obj
 L  cap
COLUMNS
    MARKER    'MARKER'  'INTORG'
    x         obj       1            cap       2
    y         obj       1            cap       2
    MARKER    'MARKER'  'INTEND'
RHS
    RHS       cap       3
ENDATA
