locals {
  byname = { for s in var.services : s.name => s }
  kv     = { for k, v in var.map : upper(k) => v }
  cond   = { for k, v in var.map : k => v if v != null }
  multi = {
    for k, v in var.map :
    k => v
  }
}
