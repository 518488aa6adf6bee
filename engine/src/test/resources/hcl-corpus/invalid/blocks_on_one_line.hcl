locals {}   locals {}
