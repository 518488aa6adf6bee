a = "last"
