locals {
  a = 1
}   
