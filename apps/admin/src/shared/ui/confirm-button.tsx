import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** What the dialog asks, e.g. "Delete the login buyer01?" */
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  label: string;
  'data-testid'?: string;
}

/** A destructive action: the button opens a dialog and only its confirm button acts. */
export function ConfirmButton({
  question,
  confirmLabel,
  onConfirm,
  label,
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <>
      <Button color="red" variant="light" size="xs" {...buttonProps} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={t('common.confirmTitle')} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            data-testid="confirm-action"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
