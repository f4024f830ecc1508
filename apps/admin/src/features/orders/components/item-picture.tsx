import { Image } from '@mantine/core';

const SIZE = 56;

export function ItemPicture(props: { url: string | null; title: string }) {
  return (
    <Image
      src={props.url}
      alt={props.title}
      w={SIZE}
      h={SIZE}
      fit="cover"
      radius="sm"
      fallbackSrc={`data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}"><rect width="100%" height="100%" fill="%23e9ecef"/></svg>`}
    />
  );
}
