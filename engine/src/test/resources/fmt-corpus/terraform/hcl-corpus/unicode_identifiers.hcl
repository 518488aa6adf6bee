locals {
  𝒳   = "supplementary letter"
  été = "combining accent"
  x‿y = "connector"
  a١  = "arabic-indic digit"
  k-λ = "dash"
}
