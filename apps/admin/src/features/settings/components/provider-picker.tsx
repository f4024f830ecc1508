import type { ProviderCode } from '@autobuy/contracts';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ProviderPicker(props: {
  codes: readonly ProviderCode[];
  value: ProviderCode;
  onChange: (code: ProviderCode) => void;
}) {
  const { t } = useTranslation();

  return (
    <SegmentedControl
      mb="md"
      aria-label={t('providers.pick')}
      data-testid="provider-picker"
      value={props.value}
      data={props.codes.map((code) => ({ value: code, label: t(`providers.names.${code}`) }))}
      onChange={(value) => {
        const code = props.codes.find((candidate) => candidate === value);
        if (code) {
          props.onChange(code);
        }
      }}
    />
  );
}
