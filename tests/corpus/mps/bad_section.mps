NAME BAD
ROWS
 N obj
 L c1
COLUMN
    x obj 1 c1 1
ENDATA
