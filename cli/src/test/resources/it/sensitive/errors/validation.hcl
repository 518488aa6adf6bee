# A validation message built from the secret must not show it.
variable "secret" {
  type      = string
  sensitive = true
  validation {
    condition     = length(var.secret) > 100
    error_message = "The secret ${var.secret} is too short."
  }
}
