# The configuration the oracle's console runs in; TerraformOracleTest loads it with berth too.
variable "service" {
  type = object({
    name  = string
    port  = optional(number, 80)
    tags  = optional(map(string), {})
    check = optional(object({ path = optional(string, "/health"), interval = optional(number) }), {})
  })
  default = { name = "web" }
}

variable "services" {
  type = list(object({
    name    = string
    enabled = optional(bool, true)
  }))
  default = [{ name = "a" }, { name = "b", enabled = false }]
}

variable "maybe" {
  type    = object({ enabled = bool })
  default = null
}

locals {
  greeting = "Hello $${name}!"
  names    = toset(["x", "y"])
}
