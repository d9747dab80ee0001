* Free-format MPS with every continuous bound type, with and without a set name.
NAME bounds
ROWS
 N cost
 L cap
COLUMNS
 up_var cost 1 cap 1
 lo_var cap 1
 fx_var cap 1
 fr_var cap 1
 mi_var cap 1
 pl_var cap 1
 neg_up cap 1
 lo_up_neg cap 1
 mi_up_neg cap 1
 up_then_lo cap 1
 up_twice cap 1
 inf_up cap 1
 minf_lo cap 1
RHS
 rhs cap 100
BOUNDS
 UP BND up_var 4
 LO lo_var -2.5
 FX BND fx_var 3
 FR BND fr_var
 MI mi_var
 UP BND pl_var 5
 PL BND pl_var
 UP BND neg_up -3
 LO BND lo_up_neg -1
 UP BND lo_up_neg -0.5
 MI BND mi_up_neg
 UP BND mi_up_neg -2
 UP BND up_then_lo -1
 LO BND up_then_lo -4
 UP BND up_twice -1
 UP BND up_twice 2
 UP BND inf_up Infinity
 LO BND minf_lo -inf
ENDATA
