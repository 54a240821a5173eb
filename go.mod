module github.com/uncite/uncite

go 1.26.8
