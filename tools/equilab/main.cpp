#include <cstdio>
int main() { std::puts("equilab: skeleton"); return 0; }
