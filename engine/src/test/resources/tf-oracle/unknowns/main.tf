resource "terraform_data" "x" {
  input = "a"
}
locals {
  u = terraform_data.x.id
}
output "and_false" { value = false && local.u == "" }
output "or_true" { value = true || local.u == "" }
output "and_true" { value = true && local.u == "" }
output "cond_unknown" { value = local.u == "" ? 1 : 2 }
output "len" { value = length([local.u, "b"]) }
output "cond_mixed" { value = local.u == "" ? 1 : "b" }
output "eq_null" { value = local.u == null }
output "coalesce" { value = coalesce("a", local.u) }
output "tmpl" { value = "x-${local.u}" }
output "try_unknown" { value = try(local.u, "d") }
output "can_unknown" { value = can(local.u) }
output "for_unknown" { value = [for s in [local.u, "b"] : upper(s)] }
