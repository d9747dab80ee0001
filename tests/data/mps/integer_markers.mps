* A MIP declared with integer markers (fixed format), refused at the 'INTORG' line (line 9).
* X has no bound of its own, so its LP relaxation has X in [0, 1] (the default of integer
* columns between markers); Y has the bound UP 5; Z is continuous.
NAME          MARKERS
ROWS
 N  OBJ
 L  CAP
COLUMNS
    MARKER    'MARKER'                 'INTORG'
    X         OBJ                1.0   CAP                2.0
    Y         OBJ                1.0   CAP                2.0
    MARKER    'MARKER'                 'INTEND'
    Z         OBJ                1.0   CAP                1.0
RHS
    RHS       CAP                3.0
BOUNDS
 UP BND       Y                  5.0
ENDATA
