locals {
  été  = 1
  étéx = 2 # c
  b    = 3 # d
  ab   = provider::ecs::f(1)
  ac   = provider::ecs::f(1)
  n    = 3 - 1
}
