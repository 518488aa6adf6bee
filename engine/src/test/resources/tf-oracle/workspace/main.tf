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

variable "explicit_null" {
  type    = object({ port = optional(number, 80), name = optional(string) })
  default = { port = null }
}

variable "numbers" {
  type    = list(number)
  default = ["1", "2.5"]
}

variable "nested" {
  type = map(object({
    size = optional(number, 1)
    tags = optional(list(string), [])
  }))
  default = { a = {}, b = { size = 3, tags = [1] } }
}

variable "choice" {
  type    = set(string)
  default = ["b", "a", "b"]
}
