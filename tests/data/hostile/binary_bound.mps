* max x s.t. 2x <= 1, x binary: the LP relaxation says 1/2, the MIP 0.
NAME          BINARY
OBJSENSE
    MAX
ROWS
 N  obj
 L  cap
COLUMNS
    x         obj       1            cap       2
RHS
    RHS       cap       1
BOUNDS
 BV BND       x
ENDATA
