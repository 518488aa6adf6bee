locals {
  zero     = 0
  int      = 42
  big      = 1234567890123
  decimal  = 3.14159
  exp      = 1e3
  exp_up   = 2E5
  exp_plus = 1.5e+2
  exp_neg  = 25e-1
  neg      = -7
  neg_dec  = -0.5
}
