/* Prints "probe 32" or "probe 64": the Wine tests run it to learn whether wine runs x86 code. */
#include <stdio.h>

int main(void)
{
    printf("probe %d\n", (int)(sizeof(void *) * 8));
    return 0;
}
