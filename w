# recorded by backprop: play it with `source FILE` or `--demo FILE`
randomize
