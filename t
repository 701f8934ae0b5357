# recorded by backprop: play it with `source FILE` or `--demo FILE`
save linear
show
back
back
sample
