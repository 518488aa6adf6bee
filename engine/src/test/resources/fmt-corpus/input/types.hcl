variable "a" {
  type = "string"
}
variable "b" {
  type = "list"
}
variable "c" {
  type = "map"
}
variable "d" {type=list( string )}
variable "e" {
  type = map(object({a=string,b=number}))
}
