* A small hand-written LP exercising most of the MPS reader.
NAME          SMALL
OBJSENSE
    MAX
ROWS
 N  profit
 L  c1
 G  c2
 E  c3
 N  other
 L  r4
COLUMNS
    x         profit    3            c1        1
    x         c2        0.5
    y         profit    -1.25        c1        2
    y         c3        1            other     7
    z         c2        1e-3         c3        -1
    z         r4        1
    w         r4        1
RHS
    RHS       c1        4            c2        0.1
    RHS       c3        2
    RHS       other     99
RANGES
    RNG       r4        2.5
BOUNDS
 UP BND       x         5
 MI BND       y
 FX BND       w         3
 UP BND       z         1
ENDATA
