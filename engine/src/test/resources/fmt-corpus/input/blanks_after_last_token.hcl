locals {
  a = 1   
}   