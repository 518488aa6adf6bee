locals {
  grouped = { for s in var.services : s.team => s.name... }
  cond    = { for s in var.services : s.team => s... if s.enabled }
}
