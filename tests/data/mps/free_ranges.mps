* Free-format MPS: RANGES on L, G and E rows (both signs of R on E rows), names longer than the
* fixed columns allow. max x1 + x2 + x3 + x4, each variable free and in one ranged row:
*   less_row:    x1 <= 5, R = -3    gives 2 <= x1 <= 5      (L row: [b - |R|, b])
*   greater_row: x2 >= 1, R = -2    gives 1 <= x2 <= 3      (G row: [b, b + |R|])
*   equal_plus:  x3  = 4, R = 1.5   gives 4 <= x3 <= 5.5    (E row, R > 0: [b, b + R])
*   equal_minus: x4  = 4, R = -1.5  gives 2.5 <= x4 <= 4    (E row, R < 0: [b + R, b])
* By hand: the maximum is 5 + 3 + 5.5 + 4 = 35/2.
NAME ranges
OBJSENSE
    MAX
ROWS
 N profit
 L less_row
 G greater_row
 E equal_plus
 E equal_minus
COLUMNS
 first_variable profit 1 less_row 1
 second_variable profit 1 greater_row 1
 third_variable profit 1 equal_plus 1
 fourth_variable profit 1 equal_minus 1
RHS
 rhs less_row 5 greater_row 1
 rhs equal_plus 4 equal_minus 4
RANGES
 rng less_row -3 greater_row -2
 rng equal_plus 1.5 equal_minus -1.5
BOUNDS
 FR bnd first_variable
 FR bnd second_variable
 FR bnd third_variable
 FR bnd fourth_variable
ENDATA
